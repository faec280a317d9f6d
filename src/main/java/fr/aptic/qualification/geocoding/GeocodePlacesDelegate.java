package fr.aptic.qualification.geocoding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_GeocodePlaces}: asks the national address geocoder for a batch of waiting places, at the
 * engine's time. A place's failure is that place's retry, never the job's; with {@code aptic.geocoding.enabled}
 * false it does nothing.
 */
@Component
class GeocodePlacesDelegate implements JavaDelegate {

    private final PlaceGeocoding geocoding;

    GeocodePlacesDelegate(PlaceGeocoding geocoding) {
        this.geocoding = geocoding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (geocoding.enabled()) {
            geocoding.geocodeDue(ClockUtil.getCurrentTime().toInstant());
        }
    }
}
