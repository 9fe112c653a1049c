// The one error of reading a list file: a file that cannot be read as a table at all, in Chinese.

export class UnreadableFile extends Error {
  constructor(
    message: string,
    /** The spreadsheet row at fault, when there is one. */
    readonly row: number | null = null,
  ) {
    super(message);
    this.name = 'UnreadableFile';
  }
}
