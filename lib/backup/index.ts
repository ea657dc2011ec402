export { writeBackup, type BackupOptions, type BackupResult } from './backup';
export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, EXCLUDED_TABLES, type BackupHeader } from './format';
export { readBackup } from './reader';
export { checkCompatible, restoreBackup, type RestoreOptions, type RestoreResult } from './restore';
