// Site-wide settings for the templates: the public address (pipeline/config.ts decides where it
// comes from), who publishes the site, and the Content-Security-Policy for the <meta> tag.
import { cspMeta } from '../_config/security.js';

export default async function () {
  const { makeConfig } = await import('../../pipeline/config.ts');
  const config = makeConfig(process.cwd());
  return {
    name: 'Kennisbank doorlopende leerroutes',
    description: 'Open kennisbank over doorlopende leerroutes vmbo-mbo: knelpunten, succesfactoren en rode draden uit de leerlabs, met bron en permalink per bevinding.',
    url: config.siteUrl,
    urlConfigured: config.siteUrlSource !== 'default',
    publisher: config.publisher,
    cspMeta,
  };
}
