// The first screen's messages in this language (first.ts); the build writes them out in place of this module.
import messages from './locale.sk';
import { firstScreenMessages } from './first';

export default firstScreenMessages(messages);
