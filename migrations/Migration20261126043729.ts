import { Migration } from '@mikro-orm/migrations';

export class Migration20261126043729 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "image_member" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "image_id" uuid not null, "project_id" uuid not null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'REJECTED')) not null default 'PENDING', constraint "image_member_pkey" primary key ("id"));`);
    this.addSql(`create index "image_member_project_status_idx" on "image_member" ("project_id", "status");`);
    this.addSql(`alter table "image_member" add constraint "image_member_image_project_unique" unique ("image_id", "project_id");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(128) not null, "token_hash" varchar(64) not null, "role" text check ("role" in ('ADMIN', 'RESELLER', 'MEMBER')) not null, "project_id" uuid null, "reseller_id" uuid null, "read_only" boolean not null default false, "revoked_at" timestamptz(3) null, constraint "api_token_pkey" primary key ("id"), constraint api_token_principal check ((role = 'ADMIN' and project_id is null and reseller_id is null) or (role = 'RESELLER' and reseller_id is not null and project_id is null) or (role = 'MEMBER' and project_id is not null and reseller_id is null)));`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_token_project_id_index" on "api_token" ("project_id");`);
    this.addSql(`create index "api_token_reseller_id_index" on "api_token" ("reseller_id");`);

    this.addSql(`create table "shared_image" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "project_id" uuid null, "reseller_id" uuid null, "region_id" uuid not null, "image_ids" uuid[] null, constraint "shared_image_pkey" primary key ("id"), constraint shared_image_one_entity check ((project_id is null) <> (reseller_id is null)));`);
    this.addSql(`alter table "shared_image" add constraint "shared_image_project_region_unique" unique ("project_id", "region_id");`);
    this.addSql(`alter table "shared_image" add constraint "shared_image_reseller_region_unique" unique ("reseller_id", "region_id");`);

    this.addSql(`alter table "image_member" add constraint "image_member_image_id_foreign" foreign key ("image_id") references "image" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "image_member" add constraint "image_member_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_token" add constraint "api_token_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "shared_image" add constraint "shared_image_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shared_image" add constraint "shared_image_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shared_image" add constraint "shared_image_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "image_member" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "shared_image" cascade;`);
  }

}
