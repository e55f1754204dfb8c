import { describe, expect, it } from 'vitest';
import { embedUrl, MaxEmbedUrlLength } from '../../src/render/urls.js';

describe('embedUrl', () => {
  it('keeps a plain https URL as it is', () => {
    expect(embedUrl('https://cdn.example/a.png')).toBe('https://cdn.example/a.png');
  });

  it('strips the <…> PluralKit keeps and encodes raw spaces', () => {
    expect(embedUrl('<https://cdn.example/a.png>')).toBe('https://cdn.example/a.png');
    expect(embedUrl(' https://cdn.example/my avatar.png ')).toBe('https://cdn.example/my%20avatar.png');
  });

  it('drops what Discord would refuse: other schemes, no host, garbage, credentials, too long', () => {
    for (const raw of [
      'ftp://cdn.example/a.png',
      'data:image/png;base64,AAAA',
      'https://',
      'not a url',
      'https://u:p@cdn.example/a.png',
      '',
      null,
      undefined,
    ]) {
      expect(embedUrl(raw), String(raw)).toBeUndefined();
    }
    expect(embedUrl(`https://cdn.example/${'a'.repeat(MaxEmbedUrlLength)}`)).toBeUndefined();
  });
});
