import { squareCrop } from './crop';

describe('squareCrop', () => {
  it('takes the largest centred square at zoom 1', () => {
    expect(squareCrop(800, 600, 1, 0.5, 0.5)).toEqual({ x: 100, y: 0, size: 600 });
  });
  it('shrinks the square as the zoom grows and slides it with the pan', () => {
    expect(squareCrop(800, 600, 2, 0, 1)).toEqual({ x: 0, y: 300, size: 300 });
    expect(squareCrop(400, 1000, 1, 0.5, 0)).toEqual({ x: 0, y: 0, size: 400 });
  });
  it('keeps the square inside the image whatever it is given', () => {
    expect(squareCrop(100, 100, 0.5, 2, -1)).toEqual({ x: 0, y: 0, size: 100 });
  });
});
