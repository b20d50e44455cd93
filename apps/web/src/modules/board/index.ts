// Lazily loaded chunk: the board with drag and drop and virtualised columns.
import '../../styles/board.css';
export { BoardPage } from './components/BoardPage';
export { preloadBoard } from './hooks/useBoard';
