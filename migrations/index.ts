import { Foundation1764374400000 } from './1764374400000-foundation';
import { Notifications1764374500000 } from './1764374500000-notifications';

/** Every migration, in order. A new one is added here (scripts/create-migration.js does it). */
export const migrations = [Foundation1764374400000, Notifications1764374500000];
