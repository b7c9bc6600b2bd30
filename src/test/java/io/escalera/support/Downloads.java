package io.escalera.support;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import org.mockito.Mockito;

import java.io.ByteArrayOutputStream;
import java.net.URI;

/** What a download link of a browserless window would send: its handler run as the browser's click would run it. */
public final class Downloads {

    private Downloads() {
    }

    public static byte[] fetch(Anchor link) throws Exception {
        VaadinSession session = VaadinSession.getCurrent();
        StreamResourceRegistry.ElementStreamResource resource = session.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(link.getHref())).orElseThrow();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        VaadinResponse response = Mockito.mock(VaadinResponse.class);
        Mockito.when(response.getOutputStream()).thenReturn(body);
        VaadinRequest request = Mockito.mock(VaadinRequest.class);
        resource.getElementRequestHandler().handleRequest(request, response, session, link.getElement());
        return body.toByteArray();
    }
}
