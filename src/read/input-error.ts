/** A bad input: the message is one line and `input` names the file, URL or stdin it came from. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
  }
}
