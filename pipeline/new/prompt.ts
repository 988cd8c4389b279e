// Questions and answers for `npm run new`, on a terminal or from lines on stdin. Lines that arrive
// before their question are kept (a pipe delivers all answers at once). The end of the input
// (Ctrl-D, or a pipe that is done) answers null; Ctrl-C stops at once, quietly.
import { createInterface, type Interface } from 'node:readline';

export class Prompt {
  private readonly rl: Interface;
  private readonly lines: string[] = [];
  private ended = false;
  private waiting: ((line: string | null) => void) | null = null;

  constructor(
    private readonly input: NodeJS.ReadableStream & { isTTY?: boolean },
    private readonly output: NodeJS.WritableStream,
    onInterrupt: () => void,
  ) {
    const terminal = Boolean(input.isTTY);
    this.rl = createInterface({ input, output: terminal ? output : undefined, terminal });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(null);
    });
    this.rl.on('SIGINT', onInterrupt); // Ctrl-C on a terminal (readline takes it from the signal)
  }

  get terminal(): boolean {
    return Boolean(this.input.isTTY);
  }

  private deliver(line: string | null): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(line);
    } else if (line !== null) this.lines.push(line);
  }

  /** Ask; the answer, or null when the input has ended. Without a terminal the answer is echoed. */
  async ask(question: string): Promise<string | null> {
    if (this.terminal) {
      this.rl.setPrompt(question);
      this.rl.prompt();
    } else this.output.write(question);
    const line = this.lines.length ? this.lines.shift()! : this.ended ? null : await new Promise<string | null>((r) => (this.waiting = r));
    if (!this.terminal) this.output.write(`${line ?? ''}\n`);
    return line;
  }

  close(): void {
    this.rl.close();
  }
}
