package io.orgscan.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SdkWarmUpTest {
    @Test
    void buildsItsClientsWithoutConnectingAnywhere() throws Exception {
        try (ServerSocket endpoint = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SdkWarmUp.run(URI.create("http://127.0.0.1:" + endpoint.getLocalPort()));

            endpoint.setSoTimeout(300);
            assertThatThrownBy(endpoint::accept).as("no connection was made").isInstanceOf(SocketTimeoutException.class);
        }
    }
}
