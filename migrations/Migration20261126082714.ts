import { Migration } from '@mikro-orm/migrations';

export class Migration20261126082714 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "task" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "type" text check ("type" in ('CREATE', 'UPLOAD', 'IMPORT', 'REPLICATE', 'PURGE')) not null, "state" text check ("state" in ('NEW', 'RUNNING', 'FINISHED', 'ERROR')) not null default 'NEW', "progress" int not null default 0, "bytes_done" bigint not null default 0, "bytes_total" bigint null, "image_id" uuid not null, "project_id" uuid null, "input" jsonb not null default '{}', "error" text null, "attempts" int not null default 0, "claims" int not null default 0, "dispatches" int not null default 0, "run_after" timestamptz(3) not null, "heartbeat_at" timestamptz(3) null, "started_at" timestamptz(3) null, "finished_at" timestamptz(3) null, constraint "task_pkey" primary key ("id"));`);
    this.addSql(`create index "task_image_id_index" on "task" ("image_id");`);
    this.addSql(`create index "task_project_id_index" on "task" ("project_id");`);
    this.addSql(`create index "task_created_at_id_idx" on "task" ("created_at", "id");`);
    this.addSql(`create index "task_state_heartbeat_idx" on "task" ("state", "heartbeat_at");`);
    this.addSql(`create index "task_state_run_after_idx" on "task" ("state", "run_after");`);

    this.addSql(`alter table "task" add constraint "task_image_id_foreign" foreign key ("image_id") references "image" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task" add constraint "task_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "task" cascade;`);
  }

}
