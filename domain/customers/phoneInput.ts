import { z } from 'zod';

/** Shortest and longest phone text accepted before normalisation (separators included). */
export const PHONE_INPUT_LENGTH = { min: 4, max: 32 } as const;

/**
 * A phone number as people write it: digits, an optional leading +, and the separators people
 * use (spaces, dashes, dots, parentheses). The text is only shaped here; whether it is a real
 * number is decided after normalisation to E.164 (libphonenumber-js, `normalisePhone`), with the
 * tenant's default region for numbers written without a country code. The customer API, both
 * import paths and campaign test sends share it, so one written form is accepted everywhere.
 */
export const phoneInput = (description = 'Normalised to E.164') =>
  z
    .string()
    .trim()
    .regex(
      new RegExp(`^[+\\d\\s().-]{${PHONE_INPUT_LENGTH.min},${PHONE_INPUT_LENGTH.max}}$`),
      `must be a phone number of ${PHONE_INPUT_LENGTH.min} to ${PHONE_INPUT_LENGTH.max} characters: digits, an optional leading +, spaces, dashes, dots and parentheses`,
    )
    .meta({
      description: `${description}: written as people do ("+52 999 123 4567", "(212) 555-0100", "212.555.0100"), stored as E.164 ("+529991234567"); numbers without a country code are read in the default region (DEFAULT_PHONE_REGION). Refused with 422 when it is not a valid number.`,
      example: '+52 999 123 4567',
    });
