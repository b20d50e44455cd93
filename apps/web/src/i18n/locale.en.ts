// Every area's messages in one language (one file per area in this folder). The app loads only the
// language it shows; app/i18n.ts knows the loaders.
import core from './en.json';
import card from './card.en.json';
import mail from './mail.en.json';
import automations from './automations.en.json';
import fields from './fields.en.json';
import exports from './exports.en.json';
import lists from './lists.en.json';
import imports from './imports.en.json';
import taxid from './taxid.en.json';
import server from './server.en.json';
import org from './org.en.json';
import savedReports from './savedReports.en.json';
import integrations from './integrations.en.json';
import campaigns from './campaigns.en.json';
import privacy from './privacy.en.json';

export default { ...core, ...card, ...mail, ...automations, ...fields, ...exports, ...lists, ...imports, ...taxid, ...server, ...org, ...savedReports, ...integrations, ...campaigns, ...privacy };
