/**
 * Image and link URLs as Discord accepts them in an embed. PluralKit stores avatar, banner and icon
 * URLs as the user typed them (wrapped in `<…>`, with raw spaces, sometimes another scheme); one such
 * URL in an embed makes Discord refuse the whole message, so every renderer places URLs through here.
 */

/** Longest URL Discord takes in an embed's `url`, `icon_url` and image fields. */
export const MaxEmbedUrlLength = 2048;

/**
 * `raw` as a URL Discord takes (absolute http or https, well-formed, at most {@link MaxEmbedUrlLength}),
 * or `undefined` when it cannot be saved. Surrounding `<…>` are stripped and whitespace inside is
 * percent-encoded; the result is the normalised form (`URL#href`), which is what Discord validates.
 */
export function embedUrl(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  let text = raw.trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  text = text.replace(/\s/g, (space) => encodeURIComponent(space));
  if (!/^https?:\/\/[^/]/i.test(text) || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  return url.href.length <= MaxEmbedUrlLength ? url.href : undefined;
}

/** `{ url }` for an embed thumbnail or image when `raw` can be placed, else `undefined`. */
export function embedImage(raw: string | null | undefined): { url: string } | undefined {
  const url = embedUrl(raw);
  return url === undefined ? undefined : { url };
}
