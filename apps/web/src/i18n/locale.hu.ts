// Every area's messages in one language (one file per area in this folder). The app loads only the
// language it shows; app/i18n.ts knows the loaders.
import core from './hu.json';
import card from './card.hu.json';
import mail from './mail.hu.json';
import automations from './automations.hu.json';
import fields from './fields.hu.json';
import exports from './exports.hu.json';
import lists from './lists.hu.json';
import imports from './imports.hu.json';
import taxid from './taxid.hu.json';
import server from './server.hu.json';
import org from './org.hu.json';
import savedReports from './savedReports.hu.json';
import integrations from './integrations.hu.json';
import campaigns from './campaigns.hu.json';
import privacy from './privacy.hu.json';

export default { ...core, ...card, ...mail, ...automations, ...fields, ...exports, ...lists, ...imports, ...taxid, ...server, ...org, ...savedReports, ...integrations, ...campaigns, ...privacy };
