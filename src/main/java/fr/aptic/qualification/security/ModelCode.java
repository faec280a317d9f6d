package fr.aptic.qualification.security;

import fr.aptic.qualification.web.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.SAXException;

/**
 * What a deployed model may run: the delegates and listeners the project declares, its process variables, the
 * engine's date and user functions, and nothing else. Refused, with the id of the element that holds it: script
 * tasks and scripts anywhere, Java classes ({@code camunda:class} and the like), external resources (script
 * files, connectors, embedded HTML forms, resources other than models), expression languages other than FEEL in
 * decisions, and expressions that call a bean or a method outside the declared lists.
 */
public final class ModelCode {

    /**
     * The beans a model may name: the delegates and listeners of the models in {@code bpmn/} (and of the
     * versions still running). Add a delegate here when a model needs a new one; docs/process-owners.md lists
     * them for process owners.
     */
    public static final Set<String> DECLARED_BEANS = Set.of(
            "alertNationalTeamDelegate",
            "closeLapsedDelegate",
            "dismissBreachDelegate",
            "endQualificationDelegate",
            "lapseDelegate",
            "openTermDelegate",
            "reinstateDelegate",
            "renewDelegate",
            "renewalNoticeDelegate",
            "renewalReviewListener",
            "revocationDecisionListener",
            "revokeDelegate",
            "assessEligibilityDelegate",
            "attestationDecisionListener",
            "auditDecisionListener",
            "bankDetailsTaskListener",
            "bankValidationListener",
            "contactOutcomeListener",
            "describeConsolidationDelegate",
            "endCampaignDelegate",
            "geocodePlacesDelegate",
            "inviteCandidateDelegate",
            "networkAuditDelegate",
            "openReviewDelegate",
            "openReviewListener",
            "qualifyDelegate",
            "recordApplicationOutcomeDelegate",
            "recordAssessmentDelegate",
            "recordContactOutcomeDelegate",
            "recordExpiryDelegate",
            "recordIneligibleDelegate",
            "recordInvitationExpiredDelegate",
            "recordRejectionDelegate",
            "recordSubscriptionDelegate",
            "recordWithdrawalDelegate",
            "requestBankDetailsDelegate",
            "requestChangesDelegate",
            "reviewDecisionListener",
            "selectCandidateDelegate",
            "startContractingDelegate",
            "startMemberChunkDelegate");

    /**
     * The beans a model may call, and which of their methods: each argument the execution or a text written in
     * the model ({@code ${deadlines.due(execution, 'review-application')}}). A bean here is not a delegate: it
     * may not stand alone, nor be called by any other method.
     */
    public static final Map<String, Set<String>> DECLARED_CALLS = Map.of("deadlines", Set.of("due", "followUp"));

    /** Properties a model may read: each one a plain getter of the engine's execution. */
    public static final Set<String> DECLARED_PROPERTIES =
            Set.of("execution.processBusinessKey", "execution.processInstanceId", "execution.businessKey");

    /** The engine's functions (no bean behind them). */
    private static final Set<String> FUNCTIONS = Set.of("dateTime", "now", "currentUser", "currentUserGroups");

    private static final Set<String> RESOURCE_SUFFIXES =
            Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".png", ".svg");

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> FEEL = Set.of(
            "feel",
            "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20230324/feel/");

    /** Text that is shown, never evaluated. */
    private static final Set<String> PROSE = Set.of("documentation", "text", "description");

    private final Predicate<String> isBean;

    /** @param isBean whether a name resolves to a bean of the application (which models may not reach). */
    public ModelCode(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    /** Every refusal in the deployment's resources (name → content), each naming resource and element. */
    public List<FieldError> refusals(Map<String, byte[]> resources) {
        List<FieldError> errors = new ArrayList<>();
        resources.forEach((name, content) -> errors.addAll(refusals(name, content)));
        return errors;
    }

    List<FieldError> refusals(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESOURCE_SUFFIXES.stream().noneMatch(lower::endsWith)) {
            return List.of(FieldError.of(
                    name,
                    "ressource refusée : un déploiement ne contient que des modèles (.bpmn, .dmn, .form) et leurs"
                            + " images"));
        }
        if (!lower.endsWith(".bpmn")
                && !lower.endsWith(".bpmn20.xml")
                && !lower.endsWith(".dmn")
                && !lower.endsWith(".dmn11.xml")) {
            return List.of();
        }
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(content));
        } catch (SAXException | IOException e) {
            return List.of(
                    FieldError.of(name, "modèle illisible (XML mal formé ou DOCTYPE, interdit) : " + e.getMessage()));
        }
        List<FieldError> errors = new ArrayList<>();
        walk(document.getDocumentElement(), name, lower.contains(".dmn"), errors);
        return errors;
    }

    private void walk(Element element, String resource, boolean decision, List<FieldError> errors) {
        String local = localName(element);
        String where = resource + "#" + elementId(element);
        if (!decision) {
            if (local.equals("scriptTask") || local.equals("script")) {
                errors.add(FieldError.of(where, "les scripts sont interdits (tâche de script ou camunda:script)"));
                return;
            }
            if (local.equals("connector") && CAMUNDA_NS.equals(element.getNamespaceURI())) {
                errors.add(FieldError.of(where, "les connecteurs (appels vers l'extérieur) sont interdits"));
                return;
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            attribute((Attr) attributes.item(i), where, decision, errors);
        }
        boolean prose = PROSE.contains(local);
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                walk(nested, resource, decision, errors);
            } else if (!decision && !prose && isText(child)) {
                expression(child.getNodeValue(), where, errors);
            }
        }
    }

    private void attribute(Attr attribute, String where, boolean decision, List<FieldError> errors) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (decision) {
            if (name.equals("expressionLanguage") && !FEEL.contains(value.trim().toLowerCase(Locale.ROOT))) {
                errors.add(FieldError.of(
                        where, "langage d'expression « " + value + " » refusé : les décisions s'écrivent en FEEL"));
            }
            return;
        }
        // camunda:class on a task, class on a camunda:executionListener: both are the engine's extensions
        boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI())
                || CAMUNDA_NS.equals(attribute.getOwnerElement().getNamespaceURI());
        if (camunda && name.toLowerCase(Locale.ROOT).endsWith("class")) {
            errors.add(FieldError.of(
                    where,
                    "camunda:" + name + " est interdit : appelez un délégué déclaré (camunda:delegateExpression)"));
        } else if (camunda && name.equals("resource")) {
            errors.add(FieldError.of(where, "les ressources externes (camunda:resource) sont interdites"));
        } else if (camunda && name.equals("formKey")) {
            errors.add(FieldError.of(
                    where, "camunda:formKey (formulaire HTML externe) est interdit : utilisez camunda:formRef"));
        } else if (name.equals("language") || name.equals("scriptFormat")) {
            errors.add(FieldError.of(where, "les scripts sont interdits (" + name + "=\"" + value + "\")"));
        } else {
            expression(value, where, errors);
        }
    }

    /** Checks the text as the engine would read it: only text holding ${…} or #{…} is an expression. */
    private void expression(String text, String where, List<FieldError> errors) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Node root;
        try {
            root = QueryExpressions.PARSER.build(text.trim()).getRoot();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            errors.add(FieldError.of(where, "expression mal formée : " + text.trim()));
            return;
        }
        String why = refusal(root);
        if (why != null) {
            errors.add(FieldError.of(where, why + " dans « " + text.trim() + " »"));
        }
    }

    /** Null when the node and everything under it may run; else why not. */
    private String refusal(Node node) {
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            return isBean.test(name) && !DECLARED_BEANS.contains(name)
                    ? "le bean « " + name + " » n'est pas déclaré pour les modèles"
                    : null;
        }
        if (node instanceof AstFunction function) {
            if (!FUNCTIONS.contains(function.getName())) {
                return "la fonction « " + function.getName() + " » n'existe pas pour les modèles";
            }
        } else if (node instanceof AstMethod method) {
            if (isDeclaredCall(method)) {
                return null;
            }
            return QueryExpressions.refusal("${" + printed(method) + "}").isPresent()
                    ? "l'appel de méthode « " + printed(method) + " » n'est pas permis"
                    : null;
        } else if (node instanceof AstDot dot) {
            String path = path(dot);
            return path != null && DECLARED_PROPERTIES.contains(path)
                    ? null
                    : "la lecture « " + (path == null ? "…" : path) + " » n'est pas permise (seules "
                            + String.join(", ", new java.util.TreeSet<>(DECLARED_PROPERTIES)) + ")";
        } else if (node instanceof AstBracket) {
            return "l'accès par crochets ([…]) n'est pas permis";
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String why = refusal(node.getChild(i));
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** A declared method of a declared bean, given nothing but the execution and texts. */
    private static boolean isDeclaredCall(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot
                && dot.getChild(0) instanceof AstIdentifier bean
                && method.getChild(1) instanceof AstParameters parameters)) {
            return false;
        }
        String name = path(dot);
        Set<String> methods = DECLARED_CALLS.get(bean.getName());
        if (name == null
                || methods == null
                || !methods.contains(name.substring(bean.getName().length() + 1))) {
            return false;
        }
        for (int i = 0; i < parameters.getCardinality(); i++) {
            Node argument = parameters.getChild(i);
            boolean execution =
                    argument instanceof AstIdentifier id && id.getName().equals("execution");
            if (!execution && !(argument instanceof AstString)) {
                return false;
            }
        }
        return true;
    }

    /** {@code execution.processBusinessKey} for a dot on an identifier; null for anything deeper. */
    private static String path(AstDot dot) {
        String printed = dot.toString();
        if (dot.getChild(0) instanceof AstIdentifier base && printed.startsWith(". ")) {
            return base.getName() + "." + printed.substring(2);
        }
        return null;
    }

    private static String printed(AstMethod method) {
        StringBuilder text = new StringBuilder();
        method.appendStructure(text, null);
        return text.toString();
    }

    private static boolean isText(org.w3c.dom.Node node) {
        return node.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                || node.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE;
    }

    private static String elementId(Element element) {
        for (Element e = element; e != null; e = e.getParentNode() instanceof Element p ? p : null) {
            if (e.hasAttribute("id")) {
                return e.getAttribute("id");
            }
        }
        return localName(element);
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
