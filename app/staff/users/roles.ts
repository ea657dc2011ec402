/** The roles a person may hold in a locality, as the people page names them. */
export const ROLES = [
  { value: 'editor', label: 'Editor', work: 'enters and imports data' },
  { value: 'reviewer', label: 'Reviewer', work: 'oversight board' },
  { value: 'admin', label: 'Administrator', work: 'manages people' },
] as const;

export const ROLE_LABEL: Readonly<Record<string, string>> = Object.fromEntries(ROLES.map((role) => [role.value, role.label]));
