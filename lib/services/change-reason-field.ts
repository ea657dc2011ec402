/** The edit forms' optional "Reason for the change" (stored as the audit row's reason): its field name and limit. */
export const CHANGE_REASON_FIELD = 'changeReason';
export const CHANGE_REASON_MAX = 500;
