/** Errors of the review engine. */

/** A card id that names no card (`not-found`) or a bad grade (`invalid-argument`); matches ApiError codes. */
export class ReviewError extends Error {
  readonly code: 'not-found' | 'invalid-argument';
  constructor(code: 'not-found' | 'invalid-argument', message: string) {
    super(message);
    this.name = 'ReviewError';
    this.code = code;
  }
}
