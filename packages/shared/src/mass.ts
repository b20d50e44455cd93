/** Mass actions on cards: how long they can be undone, and from how many cards on the web app asks first. */
export const MASS_UNDO_MINUTES = 10;
export const MASS_CONFIRM_THRESHOLD = 50;
