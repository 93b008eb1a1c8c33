import { Migration } from '@mikro-orm/migrations';

// The keyset indexes carry the columns an unfiltered list reads (written by hand: the schema diff
// does not compare the definitions of indexes declared by expression). The new ones are built
// first, under other names: building takes a lock that lets reads through, where a dropped index
// would hold every query of the table until the last build ended.
const ORDERS = [['name', '"name"'], ['created_at', '"created_at"'], ['updated_at', '"updated_at"'], ['status', '"status"'], ['size', '"size" asc nulls first']] as const;

function rebuild(migration: Migration, include: string) {
  for (const [name, key] of ORDERS) migration.addSql(`create index "image_${name}_id_next" on "image" (${key}, "id")${include};`);
  for (const [name] of ORDERS) {
    migration.addSql(`drop index "image_${name}_id_idx";`);
    migration.addSql(`alter index "image_${name}_id_next" rename to "image_${name}_id_idx";`);
  }
}

export class Migration20261207154000 extends Migration {

  override async up(): Promise<void> {
    rebuild(this, ' include ("owner_id", "region_id", "visibility", "hidden", "deleted_at")');
  }

  override async down(): Promise<void> {
    rebuild(this, '');
  }

}
