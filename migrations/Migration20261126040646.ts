import { Migration } from '@mikro-orm/migrations';

export class Migration20261126040646 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "architecture" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(128) not null, constraint "architecture_pkey" primary key ("id"));`);
    this.addSql(`alter table "architecture" add constraint "architecture_name_unique" unique ("name");`);

    this.addSql(`create table "operating_system" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(128) not null, "major" varchar(16) not null, "minor" varchar(16) not null default '', "family" varchar(32) null, "title" varchar(255) not null, constraint "operating_system_pkey" primary key ("id"));`);
    this.addSql(`alter table "operating_system" add constraint "operating_system_title_unique" unique ("title");`);

    this.addSql(`create table "region" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(64) not null, "name" varchar(128) not null, constraint "region_pkey" primary key ("id"));`);
    this.addSql(`alter table "region" add constraint "region_slug_unique" unique ("slug");`);

    this.addSql(`create table "compute_resource" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(128) not null, "provider" varchar(64) not null, "region_id" uuid null, constraint "compute_resource_pkey" primary key ("id"));`);
    this.addSql(`alter table "compute_resource" add constraint "compute_resource_name_unique" unique ("name");`);
    this.addSql(`create index "compute_resource_region_id_index" on "compute_resource" ("region_id");`);

    this.addSql(`create table "reseller" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(128) not null, constraint "reseller_pkey" primary key ("id"));`);
    this.addSql(`alter table "reseller" add constraint "reseller_name_unique" unique ("name");`);

    this.addSql(`create table "project" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(128) not null, "reseller_id" uuid null, constraint "project_pkey" primary key ("id"));`);
    this.addSql(`alter table "project" add constraint "project_name_unique" unique ("name");`);
    this.addSql(`create index "project_reseller_id_index" on "project" ("reseller_id");`);

    this.addSql(`create table "image" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "description" text null, "version" varchar(64) null, "status" text check ("status" in ('QUEUED', 'SAVING', 'IMPORTING', 'ACTIVE', 'DEACTIVATED', 'KILLED', 'PENDING_DELETE', 'DELETED')) not null default 'QUEUED', "visibility" text check ("visibility" in ('PUBLIC', 'COMMUNITY', 'SHARED', 'PRIVATE')) not null default 'PRIVATE', "protected" boolean not null default false, "hidden" boolean not null default false, "tags" text[] not null default '{}', "disk_format" text check ("disk_format" in ('AMI', 'ARI', 'AKI', 'VHD', 'VHDX', 'VMDK', 'RAW', 'QCOW2', 'VDI', 'ISO', 'PLOOP')) null, "container_format" text check ("container_format" in ('AMI', 'ARI', 'AKI', 'BARE', 'OVF', 'OVA', 'DOCKER', 'COMPRESSED')) null, "min_disk" int not null default 0, "min_ram" int not null default 0, "size" bigint null, "virtual_size" bigint null, "checksum" varchar(32) null, "hash_algo" varchar(16) null, "hash_value" varchar(128) null, "owner_id" uuid null, "region_id" uuid not null, "operating_system_id" uuid null, "architecture_id" uuid null, "compute_resource_id" uuid null, "provider_ref" varchar(255) null, "username" varchar(255) null, "password_cipher" text null, "user_data" boolean not null default false, "os_type" varchar(32) null, "os_distro" varchar(64) null, "os_version" varchar(64) null, "ssh_key" text check ("ssh_key" in ('ALLOW', 'DENY', 'REQUIRED')) not null default 'ALLOW', "is_baremetal" boolean not null default false, "hw_firmware" text check ("hw_firmware" in ('BIOS', 'UEFI')) null, "hw_machine_type" text check ("hw_machine_type" in ('I440', 'Q35')) null, "hw_disk_bus" text check ("hw_disk_bus" in ('VIRTIO', 'IDE', 'SCSI', 'SATA')) null, "hw_vif_model" text check ("hw_vif_model" in ('VIRTIO', 'E1000', 'RTL8139')) null, "hw_video_model" text check ("hw_video_model" in ('VGA', 'CIRRUS', 'QXL', 'VIRTIO')) null, "display_order" int not null default 0, "resize" boolean not null default false, "deploy" boolean not null default false, "region_bound" boolean not null default true, "source_url" text null, "replica_of_id" uuid null, "deleted_at" timestamptz(3) null, "row_version" int not null default 1, constraint "image_pkey" primary key ("id"));`);
    this.addSql(`create index "image_operating_system_id_index" on "image" ("operating_system_id");`);
    this.addSql(`create index "image_architecture_id_index" on "image" ("architecture_id");`);
    this.addSql(`create index "image_replica_of_id_index" on "image" ("replica_of_id");`);
    this.addSql(`create index "image_name_id_idx" on "image" ("name", "id");`);
    this.addSql(`create index "image_created_at_id_idx" on "image" ("created_at", "id");`);
    this.addSql(`create index "image_updated_at_id_idx" on "image" ("updated_at", "id");`);
    this.addSql(`create index "image_status_id_idx" on "image" ("status", "id");`);
    this.addSql(`create index "image_size_id_idx" on "image" ("size" asc nulls first, "id");`);
    this.addSql(`create index "image_owner_region_idx" on "image" ("owner_id", "region_id");`);
    this.addSql(`create index "image_region_idx" on "image" ("region_id");`);
    this.addSql(`create index "image_compute_resource_idx" on "image" ("compute_resource_id");`);
    this.addSql(`create index "image_tags_idx" on "image" using gin ("tags");`);
    this.addSql(`create unique index "image_owner_region_name_unique" on "image" ("owner_id", "region_id", "name") nulls not distinct where "deleted_at" is null;`);
    this.addSql(`create unique index "image_compute_resource_provider_ref_unique" on "image" ("compute_resource_id", "provider_ref") where "deleted_at" is null and "provider_ref" is not null;`);

    this.addSql(`create table "image_metadata" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "image_id" uuid not null, "key" varchar(255) not null, "value" text not null, "read_only" boolean not null default false, constraint "image_metadata_pkey" primary key ("id"));`);
    this.addSql(`alter table "image_metadata" add constraint "image_metadata_image_key_unique" unique ("image_id", "key");`);

    this.addSql(`alter table "compute_resource" add constraint "compute_resource_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project" add constraint "project_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "image" add constraint "image_owner_id_foreign" foreign key ("owner_id") references "project" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "image" add constraint "image_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "image" add constraint "image_operating_system_id_foreign" foreign key ("operating_system_id") references "operating_system" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "image" add constraint "image_architecture_id_foreign" foreign key ("architecture_id") references "architecture" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "image" add constraint "image_compute_resource_id_foreign" foreign key ("compute_resource_id") references "compute_resource" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "image" add constraint "image_replica_of_id_foreign" foreign key ("replica_of_id") references "image" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "image_metadata" add constraint "image_metadata_image_id_foreign" foreign key ("image_id") references "image" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "image" drop constraint "image_architecture_id_foreign";`);

    this.addSql(`alter table "image" drop constraint "image_operating_system_id_foreign";`);

    this.addSql(`alter table "compute_resource" drop constraint "compute_resource_region_id_foreign";`);

    this.addSql(`alter table "image" drop constraint "image_region_id_foreign";`);

    this.addSql(`alter table "image" drop constraint "image_compute_resource_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_reseller_id_foreign";`);

    this.addSql(`alter table "image" drop constraint "image_owner_id_foreign";`);

    this.addSql(`alter table "image" drop constraint "image_replica_of_id_foreign";`);

    this.addSql(`alter table "image_metadata" drop constraint "image_metadata_image_id_foreign";`);

    this.addSql(`drop table if exists "architecture" cascade;`);

    this.addSql(`drop table if exists "operating_system" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "compute_resource" cascade;`);

    this.addSql(`drop table if exists "reseller" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "image" cascade;`);

    this.addSql(`drop table if exists "image_metadata" cascade;`);
  }

}
