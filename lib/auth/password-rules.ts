import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;

/** The rule for every password a person chooses: on the command line, on their account page, from a set-password link. */
export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1024, 'That password is too long.');
