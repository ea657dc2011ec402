export * from './enums';
export * from './localities';
export * from './users';
export * from './funding';
export * from './categories';
export * from './spending';
export * from './audit';
export * from './imports';
