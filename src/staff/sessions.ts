// How long a staff session lasts: the login reads it, and the retention sweep forgets by it.
/** A session ends this long after login, however active. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
/** …or after this long without a request. */
export const sessionIdleMs = 2 * 60 * 60 * 1000;
