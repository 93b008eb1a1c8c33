import { Migration } from '@mikro-orm/migrations';

// The keyset indexes carry the visibility scope's columns (written by hand: the schema diff does
// not compare the definitions of indexes declared by expression).
const ORDERS = [['name', '"name"'], ['created_at', '"created_at"'], ['updated_at', '"updated_at"'], ['status', '"status"'], ['size', '"size" asc nulls first']] as const;

export class Migration20261207154000 extends Migration {

  override async up(): Promise<void> {
    for (const [name, key] of ORDERS) {
      this.addSql(`drop index if exists "image_${name}_id_idx";`);
      this.addSql(`create index "image_${name}_id_idx" on "image" (${key}, "id") include ("owner_id", "region_id", "visibility", "hidden", "deleted_at");`);
    }
  }

  override async down(): Promise<void> {
    for (const [name, key] of ORDERS) {
      this.addSql(`drop index if exists "image_${name}_id_idx";`);
      this.addSql(`create index "image_${name}_id_idx" on "image" (${key}, "id");`);
    }
  }

}
