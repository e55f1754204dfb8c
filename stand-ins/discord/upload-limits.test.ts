import { describe, expect, it } from 'vitest';
import { AttachmentSizeLimit, uploadRejection } from './upload-limits.js';

const file = (size: number, n = 0) => ({
  field: `files[${n}]`,
  filename: 'chart.png',
  contentType: 'image/png',
  size,
  data: Buffer.alloc(0),
});

describe('the stand-in refuses uploads as Discord does', () => {
  it('takes files up to the limit and refuses a larger one with 413 / 40005', () => {
    expect(uploadRejection([file(AttachmentSizeLimit)])).toBeNull();
    expect(uploadRejection([file(AttachmentSizeLimit + 1)])).toMatchObject({ status: 413, response: { code: 40005 } });
  });

  it('refuses more than ten files in one message', () => {
    const eleven = Array.from({ length: 11 }, (_, n) => file(100, n));
    expect(uploadRejection(eleven.slice(0, 10))).toBeNull();
    expect(uploadRejection(eleven)).toMatchObject({ status: 400, response: { code: 50035 } });
  });
});
