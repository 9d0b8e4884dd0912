# Awaiting a non-awaitable raises TypeError at the await.
import asyncio


async def main():
    print('before')
    await 42


asyncio.run(main())
