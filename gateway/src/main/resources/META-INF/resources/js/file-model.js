// Files in a chat, apart from the page: what may be previewed, how big a file reads, why an upload was refused.
// Pure logic (no DOM, no fetch).

/** Raster images only: what session-service sends inline. Never SVG (it can hold script). */
const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const KIB = 1024;
const MIB = KIB * KIB;

/** Whether a file of this type (as the service read it from the bytes) is shown as an image in the timeline. */
export function isPreviewable(contentType) {
  return PREVIEW_TYPES.has(String(contentType || '').toLowerCase());
}

/** A size as a message key and its number: bytes, KB (whole) or MB (one decimal). */
export function sizeLabel(bytes) {
  const size = Number(bytes) || 0;
  if (size < KIB) return { key: 'file.size.bytes', params: { n: size } };
  if (size < MIB) return { key: 'file.size.kb', params: { n: Math.round(size / KIB) } };
  return { key: 'file.size.mb', params: { n: Math.round((size / MIB) * 10) / 10 } };
}

/** Where the service serves a chat's file (through the gateway). */
export function filePath(chatId, attachmentId) {
  return `/api/chats/${encodeURIComponent(chatId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** The message key saying why an upload was refused, from the answer's status and problem type. */
export function refusalKey(status, problem) {
  const type = String(problem?.type || '');
  if (status === 413) return 'file.error.tooLarge';
  if (status === 415 || type.endsWith('/attachment-type-not-allowed')) return 'file.error.type';
  if (status === 422 || type.endsWith('/attachment-infected')) return 'file.error.infected';
  if (status === 429) return 'file.error.rateLimited';
  if (status === 409) return 'file.error.ended';
  if (status === 403) return 'file.error.forbidden';
  if (status === 503) return 'file.error.unavailable';
  return 'file.error.failed';
}
