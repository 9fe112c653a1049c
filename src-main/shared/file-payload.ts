/** A file handed back to the UI for download or printing. */
export interface FilePayload {
  fileName: string;
  mime: string;
  base64: string;
}
