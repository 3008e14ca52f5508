import { DatabaseError } from 'pg';
import { isDatabaseUnavailable } from '../common/errors/database-errors';
import { whyAppendEnded } from './access-log.writer';

// (A medium spec only because its modules load Nest, which the plain unit project cannot; it touches no database.)
// A fast append that cannot go back to its savepoint ends the request with an error: the database's
// refusal of the append, unless the connection went away under it. The errors are built as pg builds
// them (a DatabaseError with its SQLSTATE; a plain Error when the socket closes), by hand.

const refused = (code: string, message: string): DatabaseError => Object.assign(new DatabaseError(message, message.length, 'error'), { code });
const headOlder = refused('OLA02', "access log: the chain's head is older than the one expected");
const socketClosed = new Error('Connection terminated unexpectedly');
const adminShutdown = refused('57P01', 'terminating connection due to administrator command');
const noTransaction = refused('25P01', 'ROLLBACK TO SAVEPOINT can only be used in transaction blocks');
const canceled = refused('57014', 'canceling statement due to statement timeout');

describe('why a fast append ended', () => {
  it('is the lost connection when the database went away between the refusal and the rollback (503, not 500)', () => {
    expect(whyAppendEnded(headOlder, socketClosed)).toBe(socketClosed);
    expect(whyAppendEnded(headOlder, adminShutdown)).toBe(adminShutdown);
    expect(isDatabaseUnavailable(whyAppendEnded(headOlder, socketClosed))).toBe(true);
  });

  it('is the append\'s own failure when the rollback failed for another reason, or the append already lost the connection', () => {
    expect(whyAppendEnded(headOlder, noTransaction)).toBe(headOlder); // the COMMIT itself failed: the transaction had ended
    expect(whyAppendEnded(canceled, canceled)).toBe(canceled); // a statement timeout: no rollback is tried
    expect(whyAppendEnded(adminShutdown, socketClosed)).toBe(adminShutdown);
  });
});
