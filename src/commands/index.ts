/** commands.html: the ribbon command's page for manifests deployed before the shared runtime. */
import { ensureOfficeJs, showOfficeJsMissing } from '../taskpane/officeLoader';
import { registerRibbonCommand } from './commands';

void ensureOfficeJs().then((ok) => (ok ? registerRibbonCommand() : showOfficeJsMissing()));
