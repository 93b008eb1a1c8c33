import { Migration } from '@mikro-orm/migrations';

export class Migration20261207093641 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "image" drop constraint if exists "image_status_check";`);

    this.addSql(`alter table "image" add constraint "image_status_check" check("status" in ('QUEUED', 'SAVING', 'UPLOADING', 'IMPORTING', 'ACTIVE', 'DEACTIVATED', 'KILLED', 'PENDING_DELETE', 'DELETED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "image" drop constraint if exists "image_status_check";`);

    this.addSql(`alter table "image" add constraint "image_status_check" check("status" in ('QUEUED', 'SAVING', 'IMPORTING', 'ACTIVE', 'DEACTIVATED', 'KILLED', 'PENDING_DELETE', 'DELETED'));`);
  }

}
