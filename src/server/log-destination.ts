// Where the server's log lines go when no destination is given: standard output, written
// once per turn of the event loop. Every line of a turn (under load, the request lines of
// several requests) is handed over in one write, after the turn's I/O callbacks; nothing
// waits longer than the turn it was logged in, and what is pending when the process exits
// is written synchronously first.
//
// How the batch is written depends on what standard output is:
// - a regular file, or a device that is not a terminal (/dev/null): one synchronous write
//   (neither waits on a reader; a file's write goes to the page cache). This spares the
//   thread-pool round trip of an asynchronous write — a wake-up of a worker thread and one
//   back, per request when requests come one at a time.
// - anything else (a pipe, a socket such as journald's, a terminal): sonic-boom,
//   asynchronously as before, so a log reader that stalls never stalls the server; lines
//   beyond 64 MiB waiting for such a reader are dropped rather than held.
// Before, each line was handed to sonic-boom on its own: the request line was 15–20 % of a
// signed Describe's CPU (bench/RESULTS.md, issue 15).
import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import pino from 'pino';

/** What the batch is written to. */
interface Sink {
  write(data: string): void;
  /** Writes what the sink holds and `pending`, synchronously (at exit). */
  flushSync(pending: string): void;
}

/** A pino destination that writes the lines of one turn of the event loop together. */
export class TurnBatchedDestination {
  private pending = '';
  private scheduled = false;

  constructor(private readonly sink: Sink) {
    process.on('exit', () => this.flushSync());
  }

  write(line: string): boolean {
    this.pending += line;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushPending);
    }
    return true;
  }

  private readonly flushPending = (): void => {
    this.scheduled = false;
    const data = this.pending;
    this.pending = '';
    if (data) this.sink.write(data);
  };

  /** Everything logged so far, written now (at exit). */
  flushSync(): void {
    const data = this.pending;
    this.pending = '';
    this.sink.flushSync(data);
  }
}

/**
 * `data` written to `fd` synchronously and whole (a short write is continued). The string
 * is handed to the write as it is: encoding it into a Buffer first (a fresh allocation past
 * 4 KiB) cost twice the write itself to a file or /dev/null. Only a short write, rare on
 * those, makes the Buffer, to continue at the byte where the write stopped.
 */
function writeAll(fd: number, data: string): void {
  const written = writeSync(fd, data);
  const bytes = Buffer.byteLength(data);
  if (written >= bytes) return;
  const buf = Buffer.from(data);
  let off = written;
  while (off < buf.length) off += writeSync(fd, buf, off);
}

/** Synchronous writes to a file descriptor, each batch whole. */
function fileSink(fd: number): Sink {
  const write = (data: string) => {
    if (data) writeAll(fd, data);
  };
  return { write, flushSync: write };
}

/** sonic-boom's asynchronous writes (pino.destination: it also flushes at exit on its own). */
function asyncSink(fd: number): Sink {
  const boom = pino.destination({ dest: fd, sync: false, minLength: 0, maxLength: 64 * 1024 * 1024 });
  // Its state, which its typings leave out.
  const state = boom as unknown as { destroyed: boolean; fd: number };
  return {
    write: (data) => {
      boom.write(data);
    },
    flushSync: (pending) => {
      // Whichever exit handler runs first, the lines stay in order: held lines first, then these.
      if (state.destroyed || state.fd < 0) {
        if (pending) writeAll(fd, pending);
        return;
      }
      if (pending) boom.write(pending);
      try {
        boom.flushSync();
      } catch {
        /* a reader gone at exit: nothing more can be done */
      }
    },
  };
}

/** The destination for standard output (fd 1), by what it is. */
export function stdoutDestination(fd = 1): TurnBatchedDestination {
  let direct = false;
  try {
    const st = fstatSync(fd);
    direct = st.isFile() || (st.isCharacterDevice() && !isatty(fd));
  } catch {
    /* not a descriptor we can look at: written as a stream */
  }
  return new TurnBatchedDestination(direct ? fileSink(fd) : asyncSink(fd));
}
