-- The uploaded bundle a revision was created from and the run instructions a
-- build produced, both addressed by the SHA-256 digest in the artifact store.
alter table asset_revision add column bundle_digest varchar(100);
alter table build add column run_spec varchar(4000);
