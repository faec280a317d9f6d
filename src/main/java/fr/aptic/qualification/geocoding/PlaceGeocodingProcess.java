package fr.aptic.qualification.geocoding;

/**
 * The geocoder's process ({@code bpmn/place-geocoding.bpmn}): a timer starts it every minute, on whichever node's
 * job executor takes the job, and its service task locates a batch of waiting places.
 */
public final class PlaceGeocodingProcess {

    public static final String KEY = "place-geocoding";

    public static final String START = "StartEvent_EveryMinute";
    public static final String GEOCODE_PLACES = "ServiceTask_GeocodePlaces";
    public static final String END = "EndEvent_PlacesGeocoded";

    private PlaceGeocodingProcess() {}
}
