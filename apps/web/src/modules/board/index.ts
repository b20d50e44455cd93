// The board page, part of the first screen's code: its first paint is plain columns; the draggable,
// virtualised board (components/Board) loads a frame after that paint.
import '../../styles/board.css';
export { BoardPage } from './components/BoardPage';
export { preloadBoard } from './hooks/useBoard';
