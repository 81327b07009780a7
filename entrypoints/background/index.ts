import { defineBackground } from 'wxt/utils/define-background';
import { BUNDLED_GLOSSARY } from './bundled-data';
import { createCardCache } from './card-cache';
import { registerCommandListener } from './commands';
import { GlossaryDatabase } from './db';
import { registerLifecycle } from './lifecycle';
import { registerBackgroundListeners } from './listeners';
import { createSeeder } from './seed';

export default defineBackground(() => {
  const db = new GlossaryDatabase();
  const seeder = createSeeder(db, BUNDLED_GLOSSARY);
  registerBackgroundListeners({
    db,
    seeder,
    cache: createCardCache(db, seeder, BUNDLED_GLOSSARY),
  });
  registerCommandListener();
  registerLifecycle();
});
