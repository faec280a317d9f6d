package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camunda's webapps speak French to everyone: for each app, our {@code locales/fr.json} holds every key of the
 * English locale shipped in the {@code camunda-webapp-webjar} on the classpath (so upgrading Camunda fails here,
 * naming the new keys, until they are translated), keeps each text's placeholders, leaves no text in English but
 * the words French shares, and {@code scripts/config.js} offers French alone.
 */
class WebappLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final String WEBJAR = "camunda-webapp-webjar";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");

    /**
     * Texts that are the same in French: the apps' and products' names, words French uses as they are ("Incidents",
     * "Options", "Jobs" as Camunda's operators say), formats, symbols and the fragments Camunda pieces sentences from.
     */
    private static final Set<String> SAME_IN_FRENCH = Set.of(
            "",
            "<",
            "<=",
            ">",
            ">=",
            "s",
            "Action",
            "Actions",
            "Active",
            "Admin",
            "Annotation",
            "Application",
            "Applications",
            "Camunda",
            "Camunda Cockpit",
            "Cockpit",
            "Configuration",
            "CSV",
            "Date",
            "Description",
            "Documentation",
            "Exception",
            "Incidents",
            "Instance",
            "instance",
            "instances",
            "instances.",
            "JSON",
            "Job",
            "Jobs",
            "Message",
            "Migration",
            "Notification",
            "OK",
            "Optimize",
            "Options",
            "Tasklist",
            "Total",
            "Type",
            "Types",
            "Variable",
            "Variables",
            "Variable / {{variableName}}",
            "Version",
            "<version>",
            "{{count}} jobs");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyOfTheShippedWebappHasItsFrenchText(String app) throws IOException {
        JsonNode english = read(webjarResource(APPS + app + "/locales/en.json"));
        JsonNode french = read(ourResource(APPS + app + "/locales/fr.json"));

        Map<String, String> englishLabels = labels(english);
        Map<String, String> frenchLabels = labels(french);
        String camunda = "camunda-webapp-webjar " + webjarVersion();
        assertThat(missing(englishLabels, frenchLabels))
                .as("keys of %s's %s en.json missing from our fr.json: translate them", camunda, app)
                .isEmpty();
        assertThat(missing(frenchLabels, englishLabels))
                .as("keys of our %s fr.json that %s no longer has: remove them", app, camunda)
                .isEmpty();

        Map<String, String> lostPlaceholders = new TreeMap<>();
        Map<String, String> stillEnglish = new TreeMap<>();
        englishLabels.forEach((key, text) -> {
            String translated = frenchLabels.get(key);
            if (!placeholders(text).equals(placeholders(translated))) {
                lostPlaceholders.put(key, translated);
            }
            if (text.equals(translated) && !SAME_IN_FRENCH.contains(text.strip())) {
                stillEnglish.put(key, translated);
            }
        });
        assertThat(lostPlaceholders)
                .as("%s texts whose {{placeholders}} differ from English", app)
                .isEmpty();
        assertThat(stillEnglish).as("%s texts still in English", app).isEmpty();

        if (english.has("dateLocales")) {
            JsonNode dates = french.path("dateLocales");
            assertThat(fieldNames(dates)).isEqualTo(fieldNames(english.path("dateLocales")));
            assertThat(dates.path("months").get(0).asText()).isEqualTo("janvier");
            assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("lundi");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyWebappOffersFrenchAloneWhateverTheBrowsersLanguage(String app) throws IOException {
        String config = text(ourResource(APPS + app + "/scripts/config.js"));
        assertThat(config).contains("availableLocales: ['fr']", "fallbackLocale: 'fr'");
    }

    private static List<String> missing(Map<String, String> expected, Map<String, String> actual) {
        List<String> missing = new ArrayList<>(expected.keySet());
        missing.removeAll(actual.keySet());
        Collections.sort(missing);
        return missing;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, String> labels(JsonNode locale) {
        Map<String, String> labels = new TreeMap<>();
        locale.path("labels")
                .fields()
                .forEachRemaining(
                        field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode read(URL url) throws IOException {
        // Camunda's own locales start with a byte order mark
        return json.readTree(text(url).replace("\uFEFF", ""));
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The file as the Camunda jar ships it, not a copy of ours of the same name. */
    private static URL webjarResource(String path) throws IOException {
        for (URL url : Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path))) {
            if (url.toString().contains(WEBJAR)) {
                return url;
            }
        }
        throw new AssertionError("no " + path + " in " + WEBJAR + " on the classpath");
    }

    private static URL ourResource(String path) throws IOException {
        for (URL url : Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path))) {
            if (!url.toString().contains(".jar!")) {
                return url;
            }
        }
        throw new AssertionError("no " + path + " in src/main/resources");
    }

    private static String webjarVersion() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = webjarResource("META-INF/maven/org.camunda.bpm.webapp/" + WEBJAR + "/pom.properties")
                .openStream()) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }
}
