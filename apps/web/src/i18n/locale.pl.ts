// Every area's messages in one language (one file per area in this folder). The app loads only the
// language it shows; app/i18n.ts knows the loaders.
import core from './pl.json';
import card from './card.pl.json';
import mail from './mail.pl.json';
import automations from './automations.pl.json';
import fields from './fields.pl.json';
import exports from './exports.pl.json';
import lists from './lists.pl.json';
import imports from './imports.pl.json';
import taxid from './taxid.pl.json';
import server from './server.pl.json';
import org from './org.pl.json';
import savedReports from './savedReports.pl.json';
import integrations from './integrations.pl.json';
import campaigns from './campaigns.pl.json';
import privacy from './privacy.pl.json';

export default { ...core, ...card, ...mail, ...automations, ...fields, ...exports, ...lists, ...imports, ...taxid, ...server, ...org, ...savedReports, ...integrations, ...campaigns, ...privacy };
