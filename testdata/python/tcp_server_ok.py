# Tutorial: a TCP server that gives each client its own thread (loopback, three clients, then it ends).
from threading import Thread
import socket

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 0))
s.listen(5)
port = s.getsockname()[1]


def handle_client(client_sock):
    while True:
        data = client_sock.recv(1024)
        if not data:
            break
        print(data.decode('utf8'))
        client_sock.send('Server response'.encode('utf8'))
    client_sock.close()


def client(msg):
    c = socket.socket()
    c.connect(('127.0.0.1', port))
    c.send(msg.encode())
    print(c.recv(1024).decode())
    c.close()


clients = [Thread(target=client, args=(f"hello {i}",)) for i in range(3)]
for c in clients:
    c.start()
handlers = []
for _ in range(3):
    sock, addr = s.accept()
    t = Thread(target=handle_client, args=(sock,))
    t.start()
    handlers.append(t)
for t in clients + handlers:
    t.join()
s.close()
