// Files in a chat, for the widget and the agent desk: sending one (multipart, with the bearer token) and getting
// one (with the token: a plain link could not carry it). A preview is an <img> fed a blob URL of the fetched bytes,
// and only for raster images; a file's bytes never reach the page as HTML.
import { el } from './dom.js';
import { Api, ApiError, enc } from './api.js';
import { t } from './i18n.js';
import { filePath, isPreviewable, sizeLabel } from './file-model.js';

export class Files {
  /**
   * @param tokenProvider returns the bearer token
   * @param chatId returns the chat whose files these are
   */
  constructor(tokenProvider, chatId) {
    this.tokenProvider = tokenProvider;
    this.chatId = chatId;
    this.urls = new Map(); // attachment id -> blob URL, kept while the timeline shows it
  }

  /** Posts a file; resolves to the FILE item, rejects with an ApiError carrying the problem. */
  async upload(file, clientMessageId, chatId = this.chatId()) {
    const form = new FormData();
    form.append('clientMessageId', clientMessageId);
    form.append('file', file, file.name);
    return new Api(this.tokenProvider).post(`/api/chats/${enc(chatId)}/attachments`, form);
  }

  /** The file's bytes as a blob URL (fetched once per file and page). */
  async blobUrl(attachment, chatId = this.chatId()) {
    if (this.urls.has(attachment.id)) return this.urls.get(attachment.id);
    const response = await fetch(filePath(chatId, attachment.id), {
      headers: { Authorization: `Bearer ${this.tokenProvider()}` },
    });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    // The type the service read from the bytes, whatever the answer says: a preview is never anything but an image.
    const blob = new Blob([await response.arrayBuffer()], { type: attachment.contentType });
    const url = URL.createObjectURL(blob);
    this.urls.set(attachment.id, url);
    return url;
  }

  /** Saves the file under its name, as a download. */
  async save(attachment, chatId) {
    const link = el('a', { href: await this.blobUrl(attachment, chatId), download: attachment.name || 'file' });
    document.body.append(link);
    link.click();
    link.remove();
  }

  /** The timeline's body of a FILE item: name, size, a download button, and the preview of an image. */
  render(item, chatId = this.chatId()) {
    const file = item.attachment;
    const size = sizeLabel(file.size);
    const body = el('span', { className: 'text file-item', dataset: { attachmentId: file.id } },
      el('span', { className: 'file-name' }, file.name), ' ',
      el('span', { className: 'file-size' }, t(size.key, size.params)), ' ',
      el('button', {
        type: 'button', className: 'file-download', 'aria-label': t('file.download', { name: file.name }),
        onclick: () => this.save(file, chatId).catch(() => body.append(el('span', { className: 'file-error' },
          ' ', t('file.error.download')))),
      }, t('file.downloadShort')));
    if (isPreviewable(file.contentType)) {
      const image = el('img', { className: 'file-preview', alt: file.name });
      body.append(el('br'), image);
      this.blobUrl(file, chatId).then((url) => { image.src = url; }).catch(() => image.remove());
    }
    return body;
  }

  /** Lets go of the blob URLs (a cleared timeline, another chat). */
  clear() {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}
