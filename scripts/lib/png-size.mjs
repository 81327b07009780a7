/**
 * A PNG's width and height, read from its header: the stores refuse screenshots and tiles of any
 * other size than they ask for, so scripts/store.mjs checks every image it wrote with this.
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** @param {Uint8Array} bytes */
export function pngSize(bytes) {
  // Signature (8 bytes), then the IHDR chunk: length (4), type (4), width (4), height (4).
  if (bytes.length < 24 || SIGNATURE.some((byte, i) => bytes[i] !== byte)) {
    throw new Error('not a PNG file (no PNG signature)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') throw new Error(`not a PNG file (first chunk ${JSON.stringify(type)})`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
