/** A square part of an image: its left, top and side in the image's own pixels. */
export interface SquareCrop {
  x: number;
  y: number;
  size: number;
}

/**
 * The square to cut from a width × height image: at zoom 1 the largest square that fits, smaller as
 * the zoom grows; `panX` and `panY` (0 to 1) slide it from one edge to the other.
 */
export function squareCrop(width: number, height: number, zoom: number, panX: number, panY: number): SquareCrop {
  const size = Math.min(width, height) / Math.max(1, zoom);
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return { x: (width - size) * clamp(panX), y: (height - size) * clamp(panY), size };
}

/** The side of the stored photo, in pixels. */
export const PHOTO_SIDE = 256;

/** Draws the crop of an image onto a square canvas and gives it as a JPEG data URL (what the API stores). */
export function cropToDataUrl(image: CanvasImageSource, crop: SquareCrop, side = PHOTO_SIDE): string {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas is not available');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.drawImage(image, crop.x, crop.y, crop.size, crop.size, 0, 0, side, side);
  return canvas.toDataURL('image/jpeg', 0.9);
}
