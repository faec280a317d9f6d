-- Where places are: latitude and longitude (WGS 84) from the applicant's pin, the directory of the national standard,
-- or the national address geocoder (BAN), which a timer job calls in the background (geocoding/). A place without
-- coordinates is listed on the map, not pinned.
alter table app_place add column latitude double precision;
alter table app_place add column longitude double precision;
alter table app_place add column coordinates_source varchar(10);
alter table app_place add constraint app_place_coordinates_source
    check (coordinates_source in ('PIN', 'DIRECTORY', 'GEOCODER'));
-- The geocoder's queue: a place waits while geocode_next_at is set (due once it is past), and is claimed by moving
-- it into the future before the call, so two nodes never ask for the same place. Each failed call doubles the wait.
alter table app_place add column geocode_attempts integer default 0 not null;
alter table app_place add column geocode_next_at timestamp with time zone;
-- What the last try gave (found with its score, low score, another commune, nothing, the error that gave up)
alter table app_place add column geocode_outcome varchar(500);
create index app_place_geocode_due on app_place (geocode_next_at);

-- Places stored before this version wait for the geocoder.
update app_place set geocode_next_at = current_timestamp where latitude is null;

-- The national standard's coordinates of a known place, when its file gives them.
alter table app_directory_place add column latitude double precision;
alter table app_directory_place add column longitude double precision;
