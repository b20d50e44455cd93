// Every area's messages in one language (one file per area in this folder). The app loads only the
// language it shows; app/i18n.ts knows the loaders.
import core from './sk.json';
import card from './card.sk.json';
import mail from './mail.sk.json';
import automations from './automations.sk.json';
import fields from './fields.sk.json';
import exports from './exports.sk.json';
import lists from './lists.sk.json';
import imports from './imports.sk.json';
import taxid from './taxid.sk.json';
import server from './server.sk.json';
import org from './org.sk.json';
import savedReports from './savedReports.sk.json';
import integrations from './integrations.sk.json';
import campaigns from './campaigns.sk.json';
import privacy from './privacy.sk.json';

export default { ...core, ...card, ...mail, ...automations, ...fields, ...exports, ...lists, ...imports, ...taxid, ...server, ...org, ...savedReports, ...integrations, ...campaigns, ...privacy };
