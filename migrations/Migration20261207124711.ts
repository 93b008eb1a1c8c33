import { Migration } from '@mikro-orm/migrations';

export class Migration20261207124711 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "metadef_resource_type" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(80) not null, constraint "metadef_resource_type_pkey" primary key ("id"));`);
    this.addSql(`alter table "metadef_resource_type" add constraint "metadef_resource_type_name_unique" unique ("name");`);

    this.addSql(`create table "metadef_namespace" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "namespace" varchar(80) not null, "display_name" varchar(80) null, "description" text null, "visibility" text check ("visibility" in ('public', 'private')) not null default 'private', "protected" boolean not null default false, "owner_id" uuid null, constraint "metadef_namespace_pkey" primary key ("id"));`);
    this.addSql(`alter table "metadef_namespace" add constraint "metadef_namespace_namespace_unique" unique ("namespace");`);

    this.addSql(`create table "metadef_tag" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "namespace_id" uuid not null, "name" varchar(80) not null, constraint "metadef_tag_pkey" primary key ("id"));`);
    this.addSql(`alter table "metadef_tag" add constraint "metadef_tag_namespace_name_unique" unique ("namespace_id", "name");`);

    this.addSql(`create table "metadef_resource_type_association" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "namespace_id" uuid not null, "resource_type_id" uuid not null, "prefix" varchar(80) null, "properties_target" varchar(80) null, constraint "metadef_resource_type_association_pkey" primary key ("id"));`);
    this.addSql(`create index "metadef_resource_type_association_resource_type_id_index" on "metadef_resource_type_association" ("resource_type_id");`);
    this.addSql(`alter table "metadef_resource_type_association" add constraint "metadef_resource_type_association_unique" unique ("namespace_id", "resource_type_id");`);

    this.addSql(`create table "metadef_property" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "namespace_id" uuid not null, "name" varchar(80) not null, "schema" jsonb not null, constraint "metadef_property_pkey" primary key ("id"));`);
    this.addSql(`alter table "metadef_property" add constraint "metadef_property_namespace_name_unique" unique ("namespace_id", "name");`);

    this.addSql(`create table "metadef_object" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "namespace_id" uuid not null, "name" varchar(80) not null, "description" text null, "required" text[] not null default '{}', "properties" jsonb not null, constraint "metadef_object_pkey" primary key ("id"));`);
    this.addSql(`alter table "metadef_object" add constraint "metadef_object_namespace_name_unique" unique ("namespace_id", "name");`);

    this.addSql(`alter table "metadef_namespace" add constraint "metadef_namespace_owner_id_foreign" foreign key ("owner_id") references "project" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "metadef_tag" add constraint "metadef_tag_namespace_id_foreign" foreign key ("namespace_id") references "metadef_namespace" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "metadef_resource_type_association" add constraint "metadef_resource_type_association_namespace_id_foreign" foreign key ("namespace_id") references "metadef_namespace" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "metadef_resource_type_association" add constraint "metadef_resource_type_association_resource_type_id_foreign" foreign key ("resource_type_id") references "metadef_resource_type" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "metadef_property" add constraint "metadef_property_namespace_id_foreign" foreign key ("namespace_id") references "metadef_namespace" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "metadef_object" add constraint "metadef_object_namespace_id_foreign" foreign key ("namespace_id") references "metadef_namespace" ("id") on update cascade on delete cascade;`);

    // The resource types Glance's own definitions name, as glance-manage db_load_metadefs loads them.
    this.addSql(`insert into "metadef_resource_type" ("id", "created_at", "updated_at", "name") select "id"::uuid, now(), now(), "name" from (values ('01a25058-5afe-7803-a324-c247cb748de9', 'OS::Cinder::Volume'), ('01a25058-5aff-79e4-9ace-a0261ae2c1be', 'OS::Glance::Image'), ('01a25058-5b00-7c49-9382-02bbcb2582d3', 'OS::Nova::Aggregate'), ('01a25058-5b00-7c49-9382-02bc041c1a39', 'OS::Nova::Flavor'), ('01a25058-5b00-7c49-9382-02bdbcd12d73', 'OS::Nova::Server'), ('01a25058-5b00-7c49-9382-02be63b40d82', 'OS::Trove::Instance')) as "seed" ("id", "name");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "metadef_resource_type_association" drop constraint "metadef_resource_type_association_resource_type_id_foreign";`);

    this.addSql(`alter table "metadef_tag" drop constraint "metadef_tag_namespace_id_foreign";`);

    this.addSql(`alter table "metadef_resource_type_association" drop constraint "metadef_resource_type_association_namespace_id_foreign";`);

    this.addSql(`alter table "metadef_property" drop constraint "metadef_property_namespace_id_foreign";`);

    this.addSql(`alter table "metadef_object" drop constraint "metadef_object_namespace_id_foreign";`);

    this.addSql(`drop table if exists "metadef_resource_type" cascade;`);

    this.addSql(`drop table if exists "metadef_namespace" cascade;`);

    this.addSql(`drop table if exists "metadef_tag" cascade;`);

    this.addSql(`drop table if exists "metadef_resource_type_association" cascade;`);

    this.addSql(`drop table if exists "metadef_property" cascade;`);

    this.addSql(`drop table if exists "metadef_object" cascade;`);
  }

}
