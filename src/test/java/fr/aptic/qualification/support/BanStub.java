package fr.aptic.qualification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server that answers {@code GET /search/} as the national address geocoder (BAN) does: a GeoJSON
 * FeatureCollection whose feature carries {@code [lon, lat]}, a score, the citycode and a label. The address says
 * what to answer: {@code Trouvée} a good match in the asked commune, {@code Douteuse} a score of 0.31,
 * {@code Ailleurs} a match in Bastia, {@code Inconnue} no feature, {@code Saturée} 429, {@code Capricieuse} 500 the
 * first time and a good match after, {@code Lente} an answer after 2 s (past the client's read timeout),
 * {@code Posée} a good match after 100 ms. Loopback only.
 */
public final class BanStub {

    public static final double LATITUDE = 41.926_5;
    public static final double LONGITUDE = 8.736_9;

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();

    private BanStub(HttpServer server) {
        this.server = server;
    }

    public static BanStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            BanStub stub = new BanStub(server);
            server.createContext("/search/", stub::answer);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "ban-stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times this address was asked for. */
    public int calls(String address) {
        AtomicInteger count = calls.get(address);
        return count == null ? 0 : count.get();
    }

    /** Every query received, its parameters decoded. */
    public List<Map<String, String>> queries() {
        return queries;
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        queries.add(query);
        String address = query.getOrDefault("q", "");
        int call = calls.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        String citycode = query.getOrDefault("citycode", "");
        if (address.contains("Saturée")) {
            reply(exchange, 429, "{\"code\": 429, \"message\": \"Too many requests\"}");
        } else if (address.contains("Capricieuse") && call == 1) {
            reply(exchange, 500, "{\"code\": 500}");
        } else if (address.contains("Inconnue")) {
            reply(exchange, 200, "{\"type\": \"FeatureCollection\", \"features\": []}");
        } else if (address.contains("Douteuse")) {
            reply(exchange, 200, feature(0.31, citycode, address));
        } else if (address.contains("Ailleurs")) {
            reply(exchange, 200, feature(0.88, "2B033", address));
        } else {
            pause(address.contains("Lente") ? 2_000 : address.contains("Posée") ? 100 : 0);
            reply(exchange, 200, feature(0.93, citycode, address));
        }
    }

    private static String feature(double score, String citycode, String label) {
        return "{\"type\": \"FeatureCollection\", \"version\": \"draft\", \"features\": [{\"type\": \"Feature\","
                + " \"geometry\": {\"type\": \"Point\", \"coordinates\": [" + LONGITUDE + ", " + LATITUDE + "]},"
                + " \"properties\": {\"label\": \"" + label + " 20000 Ajaccio\", \"score\": " + score + ","
                + " \"citycode\": \"" + citycode + "\", \"type\": \"housenumber\"}}]}";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (its read timeout): nothing to answer to
        } finally {
            exchange.close();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
