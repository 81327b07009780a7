/**
 * Reads the PNG screenshots the browsers return into RGBA pixels, so tests compare what is drawn.
 * Enough of PNG for that: 8-bit greyscale, RGB or RGBA (with or without alpha), not interlaced,
 * which is what Chromium and Firefox write.
 */
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(png: Uint8Array): Pixels {
  const bytes = Buffer.from(png);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const chunks: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = CHANNELS[colour ?? -1] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(
          `unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`,
        );
      }
    } else if (type === 'IDAT') {
      chunks.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const value = line[x] ?? 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else throw new Error(`bad PNG filter ${filter}`);
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const at = i * channels;
    const grey = channels <= 2;
    data[i * 4] = rows[at] ?? 0;
    data[i * 4 + 1] = rows[grey ? at : at + 1] ?? 0;
    data[i * 4 + 2] = rows[grey ? at : at + 2] ?? 0;
    data[i * 4 + 3] =
      channels === 4 ? (rows[at + 3] ?? 0) : channels === 2 ? (rows[at + 1] ?? 0) : 255;
  }
  return { width, height, data };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export interface PixelDiff {
  /** Pixels whose colour differs by more than the tolerance in any channel. */
  changed: number;
  total: number;
  /** The mean colour, in the second image, of the pixels that changed. */
  meanChanged: [number, number, number] | null;
  /** The most frequent colour (to 4 bits a channel), in the second image, of those pixels. */
  modeChanged: [number, number, number] | null;
  /** The bounding box of the changed pixels, or null. */
  box: { left: number; top: number; right: number; bottom: number } | null;
}

/** Compares two screenshots of the same size, pixel by pixel. */
export function diffPixels(before: Pixels, after: Pixels, tolerance = 8): PixelDiff {
  if (before.width !== after.width || before.height !== after.height) {
    throw new Error(
      `screenshots differ in size: ${before.width}x${before.height} and ${after.width}x${after.height}`,
    );
  }
  let changed = 0;
  const sum = [0, 0, 0];
  const buckets = new Map<number, { count: number; sum: [number, number, number] }>();
  let box: PixelDiff['box'] = null;
  for (let i = 0; i < before.data.length; i += 4) {
    const r = after.data[i] ?? 0;
    const g = after.data[i + 1] ?? 0;
    const b = after.data[i + 2] ?? 0;
    const differs =
      Math.abs((before.data[i] ?? 0) - r) > tolerance ||
      Math.abs((before.data[i + 1] ?? 0) - g) > tolerance ||
      Math.abs((before.data[i + 2] ?? 0) - b) > tolerance;
    if (!differs) continue;
    changed++;
    sum[0] = (sum[0] ?? 0) + r;
    sum[1] = (sum[1] ?? 0) + g;
    sum[2] = (sum[2] ?? 0) + b;
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const bucket = buckets.get(key) ?? { count: 0, sum: [0, 0, 0] };
    bucket.count++;
    bucket.sum = [bucket.sum[0] + r, bucket.sum[1] + g, bucket.sum[2] + b];
    buckets.set(key, bucket);
    const x = (i / 4) % before.width;
    const y = Math.floor(i / 4 / before.width);
    box = box
      ? {
          left: Math.min(box.left, x),
          top: Math.min(box.top, y),
          right: Math.max(box.right, x),
          bottom: Math.max(box.bottom, y),
        }
      : { left: x, top: y, right: x, bottom: y };
  }
  let mode: { count: number; sum: [number, number, number] } | undefined;
  for (const bucket of buckets.values()) if (!mode || bucket.count > mode.count) mode = bucket;
  return {
    changed,
    total: before.width * before.height,
    meanChanged:
      changed === 0
        ? null
        : [(sum[0] ?? 0) / changed, (sum[1] ?? 0) / changed, (sum[2] ?? 0) / changed],
    modeChanged: mode
      ? [mode.sum[0] / mode.count, mode.sum[1] / mode.count, mode.sum[2] / mode.count]
      : null,
    box,
  };
}

/** CIE L*a*b* of an sRGB colour (D65), for colour differences as people see them. */
export function lab([r, g, b]: readonly number[]): [number, number, number] {
  const linear = (value: number) => {
    const v = value / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const [lr, lg, lb] = [linear(r ?? 0), linear(g ?? 0), linear(b ?? 0)];
  const x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047;
  const y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  const z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference: about 2 is just noticeable, above 10 clearly different side by side. */
export function deltaE(a: readonly number[], b: readonly number[]): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

function relativeLuminance([r, g, b]: readonly number[]): number {
  const channel = (value: number) => {
    const v = value / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
}

/** WCAG contrast ratio of two colours. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * How readable the text is on a mark's background: the contrast between the mark's own colour
 * (the most frequent changed colour) and the pixel inside the mark's box that stands out most
 * from it (a glyph's core).
 */
export function textContrastOnMark(after: Pixels, diff: PixelDiff): number {
  if (!diff.box || !diff.modeChanged) return 0;
  let best = 1;
  for (let y = diff.box.top; y <= diff.box.bottom; y++) {
    for (let x = diff.box.left; x <= diff.box.right; x++) {
      const i = (y * after.width + x) * 4;
      const pixel = [after.data[i] ?? 0, after.data[i + 1] ?? 0, after.data[i + 2] ?? 0];
      best = Math.max(best, contrastRatio(pixel, diff.modeChanged));
    }
  }
  return best;
}
