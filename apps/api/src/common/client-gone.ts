import type { Response } from 'express';

/**
 * Whether the client of a response is gone. Asked, not only heard: a client that left while the
 * request was awaiting something fired its `close` before anyone listened, so a listener added
 * afterwards never runs (a download waited for a `drain` that never came; a kept transaction was
 * never discarded).
 */
export const clientGone = (res: Response): boolean => res.destroyed || res.writableEnded || !res.socket || res.socket.destroyed;
